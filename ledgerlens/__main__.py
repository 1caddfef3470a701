from ledgerlens.cli import app

app()
