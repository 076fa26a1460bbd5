package io.github.vpm.portal.ops;

import io.github.vpm.portal.ops.OpsPanel.Unit;
import java.util.List;
import java.util.Optional;

/**
 * The operations page's charts: a fixed, named set of PromQL queries (the browser picks a panel by id,
 * it never sends PromQL). The metric names are the exporters' real ones (monitoring/recorded) and the
 * recording rules' (monitoring/prometheus/rules/vpm-recording.yml), as the Grafana dashboard uses them.
 */
public final class OpsPanels {

    public static final List<OpsPanel> ALL = List.of(
            new OpsPanel("throughput", "Readings in and maxima out", Unit.PER_SECOND, List.of(
                    new OpsQuery("vpm:readings_valid:rate5m + vpm:readings_invalid:rate5m",
                            "readings/s in ({{job_name}})"),
                    new OpsQuery("vpm:maxima_emitted:rate5m", "maxima/s out ({{job_name}})"))),
            new OpsPanel("dead-letters", "Dead letters", Unit.PER_SECOND, List.of(
                    new OpsQuery("vpm:readings_invalid:rate5m", "dead letters/s ({{job_name}})"))),
            new OpsPanel("source-lag", "Source lag (pendingRecords)", Unit.RECORDS, List.of(
                    new OpsQuery("vpm:source_pending_records:sum", "pending records ({{job_name}})"))),
            new OpsPanel("checkpoint-duration", "Checkpoint duration", Unit.MILLISECONDS, List.of(
                    new OpsQuery("max by (job_name) (flink_jobmanager_job_lastCheckpointDuration)",
                            "last checkpoint ({{job_name}})"))),
            new OpsPanel("checkpoint-size", "Checkpoint size", Unit.BYTES, List.of(
                    new OpsQuery("max by (job_name) (flink_jobmanager_job_lastCheckpointSize)",
                            "incremental ({{job_name}})"),
                    new OpsQuery("max by (job_name) (flink_jobmanager_job_lastCheckpointFullSize)",
                            "full state ({{job_name}})"))),
            new OpsPanel("back-pressure", "Back pressure per operator", Unit.MS_PER_SECOND, List.of(
                    new OpsQuery("max by (job_name, task_name) "
                            + "(flink_taskmanager_job_task_backPressuredTimeMsPerSecond)", "{{task_name}}"))),
            new OpsPanel("heap", "Heap per JVM", Unit.BYTES, List.of(
                    new OpsQuery("max by (job, instance) (jvm_memory_used_bytes{area=\"heap\"})",
                            "{{job}} {{instance}}"))),
            new OpsPanel("broker-messages-in", "Broker messages in", Unit.PER_SECOND, List.of(
                    new OpsQuery("vpm:kafka_messages_in:rate5m", "{{topic}}"))),
            new OpsPanel("partitions", "Under-replicated partitions", Unit.PARTITIONS, List.of(
                    new OpsQuery("sum(kafka_server_replicamanager_underreplicatedpartitions)", "under-replicated"),
                    new OpsQuery("sum(kafka_server_replicamanager_underminisrpartitioncount)", "under min ISR"),
                    new OpsQuery("sum(kafka_controller_kafkacontroller_offlinepartitionscount)", "offline"))));

    private OpsPanels() {
    }

    public static Optional<OpsPanel> byId(String id) {
        return ALL.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
