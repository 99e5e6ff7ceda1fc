package io.clusterless.substrate.aws.construct;

import io.clusterless.substrate.aws.nag.Nag;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.events.RuleTargetInput;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.SfnStateMachine;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.amazon.awscdk.services.stepfunctions.IStateMachine;
import software.constructs.Construct;

/**
 * A stack's dead-letter queue (ADR-0001: no event is lost): every rule target sends the events it could not
 * deliver there, and every function a rule invokes (asynchronously) sends there the events it failed on after its
 * retries. Encrypted, TLS only, and kept {@value #RETENTION_DAYS} days, SQS's longest, so {@code cls gaps} can
 * name them. CDK's targets add the queue policy statement per rule: {@code events.amazonaws.com} may send only
 * from that rule ({@code aws:SourceArn}); functions send with their own role.
 */
public final class DeadLetters {
    public static final int RETENTION_DAYS = 14;
    /** EventBridge's longest: an event is retried for a day before it is dead-lettered. */
    static final Duration TARGET_MAX_EVENT_AGE = BridgeValues.hours(24);
    /** Lambda's longest for asynchronous invocations. */
    static final Duration FUNCTION_MAX_EVENT_AGE = BridgeValues.hours(6);
    /** Lambda retries an asynchronous invocation at most twice. */
    static final int FUNCTION_MAX_RETRIES = 2;
    private static final int STATE_MACHINE_TARGET_RETRIES = 185;

    private final Queue queue;

    public DeadLetters(Construct scope, String id, String queueName) {
        queue = Queue.Builder.create(scope, id)
                .queueName(queueName)
                .retentionPeriod(BridgeValues.days(RETENTION_DAYS))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        Nag.suppress(queue, "AwsSolutions-SQS3", "This is the dead-letter queue of the stack's rules and "
                + "functions; cls gaps reads it, nothing consumes it.");
    }

    public Queue queue() {
        return queue;
    }

    /**
     * A rule target invoking {@code function}: delivery retried {@code retryAttempts} times over up to a day, then
     * dead-lettered; the function's own failures go to the queue after Lambda's retries.
     */
    public LambdaFunction invoke(HandlerFunction function, int retryAttempts) {
        function.failTo(queue, Math.min(FUNCTION_MAX_RETRIES, retryAttempts), FUNCTION_MAX_EVENT_AGE);
        return LambdaFunction.Builder.create(function.target())
                .retryAttempts(retryAttempts)
                .maxEventAge(TARGET_MAX_EVENT_AGE)
                .deadLetterQueue(queue)
                .build();
    }

    /** A rule target starting {@code machine}; an event it cannot start an execution for is dead-lettered. */
    public SfnStateMachine start(IStateMachine machine) {
        return start(machine, null);
    }

    /** As {@link #start(IStateMachine)}, the execution's input being {@code input} (made from the event or fixed). */
    public SfnStateMachine start(IStateMachine machine, RuleTargetInput input) {
        return SfnStateMachine.Builder.create(machine)
                .input(input)
                .retryAttempts(STATE_MACHINE_TARGET_RETRIES)
                .maxEventAge(TARGET_MAX_EVENT_AGE)
                .deadLetterQueue(queue)
                .build();
    }
}
