"""The engine: pure Python, torch and numpy. Never imports Qt."""
