import time

from .protocols import Clock, Greeter


class SystemClock:
    def now(self) -> float:
        return time.time()


class PoliteGreeter:
    def __init__(self, clock: Clock) -> None:
        self._clock = clock

    def greet(self, name: str) -> str:
        hour = time.localtime(self._clock.now()).tm_hour
        return ("Good morning, " if hour < 12 else "Good afternoon, ") + name


class LoudGreeter(Greeter):
    def greet(self, name: str) -> str:
        return "HELLO " + name.upper()
