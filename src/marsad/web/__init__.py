"""The web interface and REST API (``marsad serve``): FastAPI, Jinja2, no CDN, no JS needed."""

from marsad.web.app import create_app
from marsad.web.settings import WebSettings

__all__ = ["WebSettings", "create_app"]
