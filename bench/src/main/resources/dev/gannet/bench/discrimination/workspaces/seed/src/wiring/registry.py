from typing import Any, Callable


class Registry:
    """Knows how to build each service type; lives as long as the application."""

    def __init__(self) -> None:
        self._factories: dict[type, Callable[[], Any]] = {}

    def register_factory(self, kind: type, factory: Callable[[], Any]) -> None:
        self._factories[kind] = factory

    def factory_for(self, kind: type) -> Callable[[], Any]:
        return self._factories[kind]


class Container:
    """Builds services on demand from a registry and keeps them for one request."""

    def __init__(self, registry: Registry) -> None:
        self._registry = registry
        self._instances: dict[type, Any] = {}

    def get(self, kind: type) -> Any:
        if kind not in self._instances:
            self._instances[kind] = self._registry.factory_for(kind)()
        return self._instances[kind]
