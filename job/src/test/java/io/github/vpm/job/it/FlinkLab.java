package io.github.vpm.job.it;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** A MiniCluster shaped like the lab: three TaskManagers with two slots each. */
final class FlinkLab {

    static final int TASK_MANAGERS = 3;
    static final int SLOTS_PER_TASK_MANAGER = 2;

    private FlinkLab() {
    }

    static MiniClusterExtension miniCluster() {
        Configuration conf = new Configuration();
        // Spread subtasks over the TaskManagers, as the lab's scheduler would across hosts, so that
        // losing one TaskManager takes part of the job with it.
        conf.set(TaskManagerOptions.TASK_MANAGER_LOAD_BALANCE_MODE, TaskManagerOptions.TaskManagerLoadBalanceMode.SLOTS);
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setNumberTaskManagers(TASK_MANAGERS)
                .setNumberSlotsPerTaskManager(SLOTS_PER_TASK_MANAGER)
                .setConfiguration(conf)
                .build());
    }
}
