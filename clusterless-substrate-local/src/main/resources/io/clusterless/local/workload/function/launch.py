"""cls launcher for a lambdaExecArc Python handler (docs/function-contract.md).

argv: code folder, handler (module.function), event file, result file. The result file gets
{"result": ...} or {"error": {"errorType", "errorMessage", "stackTrace"}}, written whole (rename), so the function's
own stdout and stderr (the arc's log) never mix with it.
"""
import importlib
import json
import os
import sys
import time
import traceback


class Context:
    """The parts of Lambda's context object a handler may use."""

    def __init__(self, deadline_ms):
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME", "local")
        self.function_version = "$LATEST"
        self.invoked_function_arn = "arn:aws:lambda:local:000000000000:function:" + self.function_name
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024")
        self.aws_request_id = os.environ.get("CLS_ATTEMPT", "local")
        self.log_group_name = "/aws/lambda/" + self.function_name
        self.log_stream_name = "local"
        self._deadline_ms = deadline_ms

    def get_remaining_time_in_millis(self):
        return max(0, self._deadline_ms - int(time.time() * 1000))


def write(path, body):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as out:
        out.write(body)
    os.replace(tmp, path)


def main():
    code, handler, event_path, result_path = sys.argv[1:5]
    sys.path.insert(0, code)
    module_name, _, function_name = handler.rpartition(".")
    try:
        with open(event_path, encoding="utf-8") as source:
            event = json.load(source)
        function = getattr(importlib.import_module(module_name), function_name, None)
        if not callable(function):
            raise AttributeError("module %s has no function %s" % (module_name, function_name))
        deadline = int(os.environ.get("CLS_FUNCTION_DEADLINE_MS", "0")) or int(time.time() * 1000) + 900000
        body = json.dumps({"result": function(event, Context(deadline))})
        status = 0
    except BaseException as error:  # SystemExit and KeyboardInterrupt fail the lot as well
        body = json.dumps({"error": {"errorType": type(error).__name__, "errorMessage": str(error),
                                     "stackTrace": traceback.format_exception(type(error), error,
                                                                              error.__traceback__)}})
        status = 1
    write(result_path, body)
    sys.stdout.flush()
    sys.stderr.flush()
    # as Lambda freezes the sandbox on return: threads the handler left running do not hold the lot
    os._exit(status)


if __name__ == "__main__":
    main()
