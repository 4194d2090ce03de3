package jenkins.scm;

import hudson.model.Job;
import hudson.model.Run;

/** Compile-only stub of {@code jenkins.scm.RunWithSCM}. */
public interface RunWithSCM<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT> & RunWithSCM<JobT, RunT>> {}
