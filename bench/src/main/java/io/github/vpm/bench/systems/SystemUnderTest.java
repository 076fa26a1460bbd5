package io.github.vpm.bench.systems;

/** A running system; {@link #close()} stops it and releases everything it holds. */
public interface SystemUnderTest extends AutoCloseable {

    /** {@link System#nanoTime()} when it was ready to read: tasks deployed, streams running, consumer assigned. */
    long readyNanos();

    /** One line on how it ran (state backend, threads...), for the log. */
    String describe();
}
