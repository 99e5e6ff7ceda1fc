package io.clusterless.model;

/** A planned join of several datasets. Not supported: a project that declares barriers is refused. */
public abstract class Barrier extends Component {
}
