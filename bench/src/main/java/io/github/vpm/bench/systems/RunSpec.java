package io.github.vpm.bench.systems;

/**
 * One run of one system: the broker (and how to reach it), the shared input topic, and a group id,
 * output and dead-letter topics (and transactional ids) of its own, so runs never see each other's data.
 */
public record RunSpec(BrokerAccess broker, String inputTopic, String outputTopic, String dlqTopic, String runId) {}
