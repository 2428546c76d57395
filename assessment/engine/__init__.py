"""The engine layer: answers checked and settled, then evaluated into typed result records
(`engine.result`), with the why sentences and conditions put into words. It reads the
model layer only: the rules are always given, never loaded here."""
