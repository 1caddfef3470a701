# The same service image `make run` builds on a machine: Debian, Tesseract, fonts, the venv.
FROM python:3.11-slim-bookworm

RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      tesseract-ocr tesseract-ocr-eng tesseract-ocr-deu tesseract-ocr-fra tesseract-ocr-spa tesseract-ocr-ita \
      tesseract-ocr-por tesseract-ocr-nld tesseract-ocr-pol tesseract-ocr-swe tesseract-ocr-dan tesseract-ocr-ces \
      tesseract-ocr-fin tesseract-ocr-nor tesseract-ocr-tur tesseract-ocr-hun tesseract-ocr-slk tesseract-ocr-hrv \
      tesseract-ocr-ron tesseract-ocr-slv tesseract-ocr-lit tesseract-ocr-lav tesseract-ocr-est \
      tesseract-ocr-rus tesseract-ocr-ukr tesseract-ocr-bul tesseract-ocr-srp tesseract-ocr-mkd tesseract-ocr-hye \
      tesseract-ocr-kat tesseract-ocr-ell \
      fonts-urw-base35 fonts-dejavu-core make \
 && rm -rf /var/lib/apt/lists/*

ENV OMP_THREAD_LIMIT=1 HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 \
    LEDGERLENS_DATA_DIR=/var/lib/ledgerlens PIP_NO_CACHE_DIR=1
WORKDIR /app

# Dependencies first: this layer is reused while only the code changes.
COPY pyproject.toml README.md ./
RUN python -m venv /app/.venv \
 && /app/.venv/bin/pip install --upgrade pip \
 && /app/.venv/bin/pip install torch==2.13.0 \
 && /app/.venv/bin/python -c "import tomllib; d=tomllib.load(open('pyproject.toml','rb')); print('\n'.join(x for x in d['project']['dependencies'] if not x.startswith('torch')))" > /tmp/requirements.txt \
 && /app/.venv/bin/pip install -r /tmp/requirements.txt

COPY . .
RUN /app/.venv/bin/pip install --no-deps -e . \
 && useradd --create-home --uid 10001 ledgerlens \
 && mkdir -p /var/lib/ledgerlens && chown -R ledgerlens /var/lib/ledgerlens

# Never root at run time; no demo data (load it on purpose with `ledgerlens demo load`).
USER ledgerlens
ENV PATH=/app/.venv/bin:$PATH
EXPOSE 8000
# Liveness from inside the container (the slim image has no curl); orchestrators should probe /readyz as well.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["/app/.venv/bin/python", "-c", "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status != 200)"]
ENTRYPOINT ["/app/scripts/docker-entrypoint.sh"]
