"""The built-in scenario: the demo of ``make run`` and a ground truth for tests and benchmarks."""

from ascua.scenario.generator import Scenario, ScenarioSpec, WaveSpec, WaveTruth, default_waves

__all__ = ["Scenario", "ScenarioSpec", "WaveSpec", "WaveTruth", "default_waves"]
