package jenkins.model.lazy;

import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.Run;

/** Compile-only stub of {@code jenkins.model.lazy.LazyBuildMixIn}. */
public abstract class LazyBuildMixIn<
        JobT extends Job<JobT, RunT> & Queue.Task & LazyBuildMixIn.LazyLoadingJob<JobT, RunT>,
        RunT extends Run<JobT, RunT> & LazyBuildMixIn.LazyLoadingRun<JobT, RunT>> {
    /** Compile-only stub of {@code jenkins.model.lazy.LazyBuildMixIn.LazyLoadingJob}. */
    public interface LazyLoadingJob<
            JobT extends Job<JobT, RunT> & Queue.Task & LazyBuildMixIn.LazyLoadingJob<JobT, RunT>,
            RunT extends Run<JobT, RunT> & LazyLoadingRun<JobT, RunT>> {}

    /** Compile-only stub of {@code jenkins.model.lazy.LazyBuildMixIn.LazyLoadingRun}. */
    public interface LazyLoadingRun<
            JobT extends Job<JobT, RunT> & Queue.Task & LazyBuildMixIn.LazyLoadingJob<JobT, RunT>,
            RunT extends Run<JobT, RunT> & LazyLoadingRun<JobT, RunT>> {}
}
