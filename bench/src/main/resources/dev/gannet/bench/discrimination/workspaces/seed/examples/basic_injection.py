"""The smallest complete example: register two factories, then ask a container for a greeter."""
from wiring.protocols import Clock, Greeter
from wiring.registry import Container, Registry
from wiring.services import PoliteGreeter, SystemClock

registry = Registry()
registry.register_factory(Clock, SystemClock)
registry.register_factory(Greeter, lambda: PoliteGreeter(container.get(Clock)))

container = Container(registry)
print(container.get(Greeter).greet("Ada"))
