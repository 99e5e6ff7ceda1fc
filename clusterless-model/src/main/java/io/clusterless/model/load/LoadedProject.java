package io.clusterless.model.load;

import io.clusterless.model.Deployable;

import java.util.List;

/** All files of one project, as given on the command line. */
public record LoadedProject(List<LoadedFile> files) {
    public LoadedProject {
        files = List.copyOf(files);
    }

    public List<Deployable> deployables() {
        return files.stream().map(LoadedFile::deployable).toList();
    }
}
