"""CLI command ``simulador serve``: the app in the browsers of a training room (textual-serve).

A training room has many seats and often one laptop: that laptop runs
``simulador serve --host 0.0.0.0`` and every seat opens the printed address in a browser. Each
browser tab gets its own app process (textual-serve starts one per connection), and all of them use
the configured database — the SQLite file in WAL mode by default, or ``SIMULADOR_DATABASE_URL`` —
because the processes inherit this command's environment and settings.

The address and port are checked before serving so that a port in use or an address that is not
this machine's gives a Spanish message and exit code 2, never a traceback. Loopback is the default:
publishing to the network is a decision the formador makes with ``--host``, and is warned about.

Every seat can pick any name at the login, so trainees' PINs are obligatory here unless the
formador says otherwise with ``--pin-aprendiz opcional``: the choice reaches each seat's app as
``SIMULADOR_TRAINEE_PIN``, set by the command each seat runs (``app_command``), never in this
process's own environment (``services/signin.py`` reads the setting).
"""

from __future__ import annotations

import errno
import ipaddress
import re
import shlex
import socket
import sys
from typing import Any

import typer

from simulator.errors import InputError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
PAGE_TITLE = "Simulador de Llamadas"
PIN_POLICIES = ("obligatorio", "opcional")
PIN_ENV = "SIMULADOR_TRAINEE_PIN"
_ALL_INTERFACES = ("0.0.0.0", "::", "")
_HOST_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")


class ServeError(InputError):
    """A bind address or port that cannot be served on (exit code 2)."""


def check_port(port: int) -> int:
    """``port`` if it is a TCP port number, else a :class:`ServeError`."""
    if not 1 <= port <= 65535:
        raise ServeError(f"El puerto {port} no es válido; se esperaba un número entre 1 y 65535")
    return port


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable only from this machine (127.0.0.0/8, ::1, localhost)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def url_for(host: str, port: int) -> str:
    """The http address of ``host``:``port`` as a browser needs it (IPv6 in brackets)."""
    bare = host.strip("[]")
    shown = f"[{bare}]" if ":" in bare else bare
    return f"http://{shown}:{port}"


def _bind_error(error: OSError, host: str, port: int) -> ServeError:
    if error.errno == errno.EADDRINUSE:
        return ServeError(
            f"El puerto {port} ya está en uso en {host} (¿hay otro «simulador serve» u otro "
            "programa abierto?); cierre ese programa o elija otro puerto con --port"
        )
    if error.errno in (errno.EACCES, errno.EPERM):
        return ServeError(
            f"No tiene permiso para usar el puerto {port} (los puertos menores a 1024 requieren "
            f"privilegios de administrador); use, por ejemplo, --port {DEFAULT_PORT}"
        )
    if error.errno == errno.EADDRNOTAVAIL:
        return ServeError(
            f"La dirección {host} no pertenece a este equipo; use {DEFAULT_HOST} (solo este "
            "equipo), 0.0.0.0 (toda la red) o una IP de este equipo"
        )
    reason = error.strerror or str(error)
    return ServeError(f"No se puede escuchar en {host}:{port} ({reason})")


def _unknown_host(host: str) -> ServeError:
    return ServeError(
        f"No se reconoce la dirección «{host}»; use {DEFAULT_HOST} (solo este equipo), "
        "0.0.0.0 (toda la red) o una IP de este equipo"
    )


def _looks_like_host(host: str) -> bool:
    """Whether ``host`` is an IP address or a syntactically valid host name (no lookup)."""
    bare = host.strip("[]")
    try:
        ipaddress.ip_address(bare)
        return True
    except ValueError:
        pass
    labels = bare.rstrip(".").split(".")
    return 0 < len(bare) <= 253 and all(_HOST_LABEL.fullmatch(label) for label in labels)


def check_bindable(host: str, port: int) -> None:
    """Raise a :class:`ServeError` unless a server can listen on ``host``:``port`` right now."""
    check_port(port)
    if host and not _looks_like_host(host):
        raise _unknown_host(host)
    try:
        addresses = socket.getaddrinfo(
            host.strip("[]") or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )
    except (socket.gaierror, UnicodeError):
        raise _unknown_host(host) from None
    for family, kind, proto, _name, address in addresses:
        with socket.socket(family, kind, proto) as probe:
            # The same option the server sets: a port left in TIME_WAIT is free, a listening one not.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(address)
            except OSError as error:
                raise _bind_error(error, host, port) from None


def _lan_address() -> str | None:
    """This machine's address on the local network, if it has one (no packet is sent)."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # a UDP "connect" only picks the outgoing interface
            address = str(probe.getsockname()[0])
    except OSError:
        return None
    return None if address.startswith(("127.", "0.")) else address


def startup_lines(
    host: str, port: int, lan: str | None = None, pin: str = "obligatorio"
) -> list[str]:
    """What ``serve`` prints when it starts (Spanish): the addresses to open and how to stop."""
    bare = host.strip("[]")
    if bare in _ALL_INTERFACES:
        seats = url_for(lan, port) if lan else url_for("IP-DE-ESTE-EQUIPO", port)
        lines = [
            f"Simulador de Llamadas en el navegador, en toda la red (puerto {port}).",
            f"  En este equipo abra:         {url_for('127.0.0.1', port)}",
            f"  En los demás equipos abra:   {seats}",
        ]
        if not lan:
            lines.append("  (la IP de este equipo se consulta con «ip addr» o «ipconfig»)")
    else:
        lines = [f"Simulador de Llamadas en el navegador: abra {url_for(host, port)}"]
    lines.append("Cada navegador abre su propia sesión; todas usan la misma base de datos.")
    if pin == "obligatorio":
        lines.append("PIN de aprendiz: obligatorio (quien no tenga uno lo elige al entrar).")
    else:
        lines.append("PIN de aprendiz: opcional (quien no tenga uno entra solo con su nombre).")
    lines.append("Presione Ctrl+C para detenerlo.")
    return lines


def exposure_warning(host: str, pin: str = "obligatorio") -> str | None:
    """A Spanish warning when ``host`` lets other machines reach the app, else ``None``; what it
    says about entering depends on whether trainees' PINs are obligatory (``pin``)."""
    if is_loopback(host):
        return None
    if host.strip("[]") in _ALL_INTERFACES:
        where = (
            f"Aviso: escucha en todas las interfaces ({host or '0.0.0.0'}): cualquier persona en la "
            "red puede abrir el simulador"
        )
    else:
        where = (
            f"Aviso: escucha en {host}: cualquier persona que alcance esa dirección en la red "
            "puede abrir el simulador"
        )
    if pin == "obligatorio":
        who = (
            ". Cada aprendiz entra con su PIN (lo elige la primera vez si usted no se lo asignó "
            "con «simulador formador pin») y cada formador con su contraseña; 5 intentos "
            "fallidos pausan ese nombre 30 segundos."
        )
    else:
        who = (
            " y entrar como cualquier aprendiz que no tenga PIN (--pin-aprendiz opcional). "
            "Asígneles PIN con «simulador formador pin» o quite esa opción."
        )
    return where + who + " Úselo solo en la red del aula: la página no tiene HTTPS."


def app_command(pin: str = "obligatorio") -> str:
    """The shell command textual-serve runs once per browser: this Python opening the app, with
    the setting ``trainee_pin`` = ``pin`` (``obligatorio`` or ``opcional``)."""
    if pin not in PIN_POLICIES:
        raise ServeError(f"--pin-aprendiz «{pin}» no es válido; use obligatorio u opcional")
    code = f"import os; os.environ[{PIN_ENV!r}] = {pin!r}; from simulator.cli import main; main()"
    return shlex.join([sys.executable, "-c", code])


def _make_server(host: str, port: int, lines: list[str], pin: str = "obligatorio") -> Any:
    """textual-serve's server for this app (``simulator/tui/web.py``: only the TUI imports Textual)."""
    from simulator.tui.web import make_server

    return make_server(app_command(pin), host.strip("[]"), port, lines, PAGE_TITLE)


def serve(
    host: str = typer.Option(
        DEFAULT_HOST,
        "--host",
        help="Dirección en la que escucha: 127.0.0.1 solo este equipo; 0.0.0.0 toda la red.",
    ),
    port: int = typer.Option(DEFAULT_PORT, "--port", help="Puerto (1-65535)."),
    pin: str = typer.Option(
        "obligatorio",
        "--pin-aprendiz",
        help="obligatorio: cada aprendiz entra con su PIN (lo elige la primera vez); opcional: "
        "los aprendices sin PIN entran solo con su nombre.",
    ),
) -> None:
    """Publica el simulador para los navegadores de la red local (un proceso por navegador)."""
    from simulator.language.safe_text import strip_controls

    def fail(error: ServeError) -> None:
        typer.secho(strip_controls(str(error)), fg="red", err=True)
        raise typer.Exit(2)

    host = host.strip()
    pin = pin.strip().lower()
    try:
        if pin not in PIN_POLICIES:
            raise ServeError(f"--pin-aprendiz «{pin}» no es válido; use obligatorio u opcional")
        check_bindable(host, port)
    except ServeError as error:
        fail(error)
    warning = exposure_warning(host, pin)
    if warning:
        typer.secho(warning, fg="yellow", err=True)
    lan = _lan_address() if host.strip("[]") in _ALL_INTERFACES else None
    server = _make_server(host, port, startup_lines(host, port, lan, pin), pin)
    try:
        server.serve()
    except OSError as error:  # the port was taken between the check and the server's bind
        fail(_bind_error(error, host, port))


def register(app: typer.Typer) -> None:
    """Add this family's commands to the app."""
    app.command("serve")(serve)
