package io.clusterless.model;

/** A static cloud object shared by the project (bucket, database, bus...). */
public abstract class Resource extends Component {
}
