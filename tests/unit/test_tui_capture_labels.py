"""Every capture-form label leaves a space before its value: at most 10 letters plus the colon in
the 12-column label (session 16: «Dir. nueva:Avenida…» and a cut «Instalación:»)."""

from __future__ import annotations

from simulator.tui.views import labels


def test_every_capture_label_fits_with_a_space_before_the_value() -> None:
    long = {key: name for key, name in labels()["fields"].items() if len(f"{name}:") > 11}
    assert long == {}
