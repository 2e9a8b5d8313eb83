"""Simulador de Llamadas: offline call-center training simulator (Mexican Spanish).

The package root holds only the version; every subsystem lives in its own subpackage
(see docs/architecture.md §1). Nothing here performs I/O at import time.
"""

__version__ = "0.23.0"
