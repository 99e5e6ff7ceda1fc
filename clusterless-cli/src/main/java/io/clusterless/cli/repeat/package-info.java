/**
 * The repeat path of {@code cls synth}: a record, written whenever a synth produced or served an assembly, of the
 * exact invocation and every file its result depended on, so that the same invocation over unchanged files is
 * answered from the assembly cache before picocli, Jackson, the model or jsii are loaded. Everything here that runs
 * on the repeat path ({@link io.clusterless.cli.repeat.FastRepeat} and what it calls) uses java.base only.
 */
package io.clusterless.cli.repeat;
