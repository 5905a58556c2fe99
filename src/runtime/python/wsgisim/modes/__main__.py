"""python3 -m wsgisim.modes: print the generated TypeScript module of the modes (see data.py)."""
from .data import typescript

print(typescript(), end="")
