//! The deterministic generator of synthetic data in the project's own format, N times larger,
//! for the benchmarks (`medrd-kg gen`). Not built yet.
