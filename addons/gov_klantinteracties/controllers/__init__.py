from . import klantinteracties
