"""Typed request dependencies shared by the routers: what the app factory put on ``app.state``.

They are ``async`` only so FastAPI calls them on the event loop: it runs a plain ``def`` dependency in the
thread pool, and three thread hops per request measured ~1 ms of a chat reply."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from ..engine import Engine
from ..feedback import FeedbackStore
from ..settings import Settings


async def get_engine(request: Request) -> Engine:
    return request.app.state.engine


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


async def get_feedback(request: Request) -> FeedbackStore:
    return request.app.state.feedback


EngineDep = Annotated[Engine, Depends(get_engine)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
FeedbackDep = Annotated[FeedbackStore, Depends(get_feedback)]
