package io.clusterless.engine.ops;

/** Where a listener's enabled state takes effect besides its record: an EventBridge rule on AWS, nothing locally. */
public interface ListenerRules {
    /**
     * Enables or disables the rule.
     *
     * @param busName the rule's event bus; null for the default bus
     * @return what the report shows of the rule now, e.g. {@code NAME ENABLED}, {@code local}
     */
    String apply(String ruleName, String busName, boolean enabled);
}
