package io.clusterless.model.validate;

import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.Problem;

import java.util.List;

/** One validation rule over a whole project (all its files). */
interface Rule {
    void check(LoadedProject project, ValidationOptions options, List<Problem> problems);
}
