"""Imports every resource module so that each registers its collection."""

from . import (  # noqa: F401
    actoren,
    betrokkenen,
    digitaleadressen,
    identificatoren,
    internetaken,
    klantcontacten,
    maak_klantcontact,
    onderwerpobjecten,
    partijen,
)
