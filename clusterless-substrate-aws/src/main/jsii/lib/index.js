'use strict';
// cls's own jsii module (docs/adr/0017-own-jsii-module.md): work of a synth that takes the Java side many round trips
// to node, done in node in one. Loaded by jsii's kernel next to aws-cdk-lib, whose objects it is handed; it keeps no
// state of its own. Its types are declared by hand in ../.jsii, which the kernel checks every call against.
const { CfnResource, aws_iam: iam, aws_stepfunctions: sfn } = require('aws-cdk-lib');

const KEY = 'cdk_nag';
const RULES = 'rules_to_suppress';

class Nag {
  /**
   * Adds `rules` (cdk-nag's suppression entries, {id, reason, ...}, as JSON text: the kernel would check each value
   * of a list or map against its type, one by one) to the `cdk_nag` metadata of each resource of `construct` that
   * cdk-nag's NagSuppressions.addResourceSuppressions(construct, rules, true) would pick: its default child when it
   * has one, else itself, then every CfnResource below it. A resource's entry keeps the rules it holds
   * and gains the new ones after them, each rule once (by its JSON text), as cdk-nag merges them.
   */
  static suppress(construct, rulesJson) {
    suppress(construct, parsedRules(rulesJson));
  }

  /**
   * Adds `rules` to the `cdk_nag` entry of `stack`'s template metadata, which cdk-nag applies to every finding in the
   * stack (NagSuppressions.addStackSuppressions), merged as suppress merges; the template's other metadata stays.
   */
  static suppressStack(stack, rulesJson) {
    const rules = parsedRules(rulesJson);
    const options = stack.templateOptions;
    const metadata = { ...(options.metadata ?? {}) };
    metadata[KEY] = { [RULES]: merged(metadata[KEY], rules) };
    options.metadata = metadata;
  }
}

function suppress(construct, rules) {
  const all = construct.node.findAll(); // preorder: the construct first
  const picked = new Set([construct.node.defaultChild ?? construct, ...all.slice(1)]);
  for (const resource of picked) {
    if (CfnResource.isCfnResource(resource)) {
      resource.addMetadata(KEY, { [RULES]: merged(resource.getMetadata(KEY), rules) });
    }
  }
}

function parsedRules(json) {
  const rules = JSON.parse(json);
  if (!Array.isArray(rules)) {
    throw new Error(`clusterless-synth: suppressions need a list of rules, got ${json}`);
  }
  return rules;
}

function merged(existing, rules) {
  // like cdk-nag: anything but an object holding the list counts as no rules yet
  const current = existing !== null && typeof existing === 'object' && existing[RULES] != null ? existing[RULES] : [];
  if (!Array.isArray(current)) {
    throw new Error(`clusterless-synth: the ${KEY} metadata's ${RULES} is not a list: ${JSON.stringify(current)}`);
  }
  const texts = new Set();
  const result = [];
  for (const rule of [...current, ...rules]) {
    const text = JSON.stringify(rule);
    if (!texts.has(text)) {
      texts.add(text);
      result.push(rule);
    }
  }
  return result;
}

class Sfn {
  /**
   * `choice.when(condition, next)` for each `[condition, next]` of `branches` in turn, then
   * `choice.otherwise(otherwise)` when it is given: one round trip for what took one per transition. A `next` (or
   * `otherwise`) is a state or chain, or `{succeed: id}` / `{fail: id}` for a terminal state without properties, made
   * in `scope` when its turn comes (so the construct tree holds the states in the order the transitions name them).
   */
  static choice(scope, choice, branches, otherwise) {
    if (!Array.isArray(branches)) {
      throw new Error('clusterless-synth: Sfn.choice needs a list of [condition, next] branches, got '
        + typeof branches);
    }
    for (const branch of branches) {
      if (!Array.isArray(branch) || branch.length !== 2) {
        throw new Error(`clusterless-synth: a choice's branch is [condition, next], got ${typeof branch}`);
      }
      choice.when(branch[0], state(scope, branch[1]));
    }
    if (otherwise !== undefined && otherwise !== null) {
      choice.otherwise(state(scope, otherwise));
    }
  }
}

class Iam {
  /**
   * `items` (JSON text) in order: `{statement}` adds IAM's JSON statement to `role`'s policy as `role.addToPolicy`
   * does (the role makes its default policy at the first), `{rules}` suppresses those rules on the role's resources
   * as Nag.suppress does (so it covers the policy the statements before it made): a role handed over to the CDK's
   * grants, with what was collected before, in one round trip where each statement took two.
   */
  static grants(role, itemsJson) {
    const items = JSON.parse(itemsJson);
    if (!Array.isArray(items)) {
      throw new Error(`clusterless-synth: Iam.grants needs a list of {statement} and {rules} items, got ${itemsJson}`);
    }
    for (const item of items) {
      if (item?.statement !== undefined) {
        role.addToPolicy(iam.PolicyStatement.fromJson(item.statement));
      } else if (Array.isArray(item?.rules)) {
        suppress(role, item.rules);
      } else {
        throw new Error(`clusterless-synth: an Iam.grants item is {statement} or {rules}, got ${JSON.stringify(item)}`);
      }
    }
  }

  /**
   * `new Policy(role, id, {roles: [role], document: PolicyDocument.fromJson(document)})` (both as JSON text), then,
   * when `rules` holds
   * any, Nag.suppress(role, rules): the role's policy as Java wrote its statements, and the suppressions that cover
   * it, in one round trip where each took one.
   */
  static rolePolicy(role, id, documentJson, rulesJson) {
    const rules = parsedRules(rulesJson);
    new iam.Policy(role, id, { roles: [role], document: iam.PolicyDocument.fromJson(JSON.parse(documentJson)) });
    if (rules.length > 0) {
      suppress(role, rules);
    }
  }
}

function state(scope, next) {
  const plain = next !== null && typeof next === 'object' && Object.getPrototypeOf(next) === Object.prototype;
  if (!plain) {
    return next; // a state or chain of node's (the CDK checks it is one)
  }
  if (typeof next.succeed === 'string') {
    return new sfn.Succeed(scope, next.succeed);
  }
  if (typeof next.fail === 'string') {
    return new sfn.Fail(scope, next.fail);
  }
  throw new Error("clusterless-synth: a transition's next is a state, a chain, {succeed: id} or {fail: id}, got "
    + JSON.stringify(next));
}

module.exports = { Iam, Nag, Sfn };
