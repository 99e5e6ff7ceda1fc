package io.clusterless.cli;

import io.clusterless.cli.context.CliContext;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;

/** {@code cls completion}: a shell completion script generated from the command tree. */
@Command(name = "completion",
        description = {"Print a completion script for bash or zsh.",
                "bash: source <(cls completion bash)",
                "zsh:  source <(cls completion zsh)"},
        mixinStandardHelpOptions = true)
public final class CompletionCommand implements Callable<Integer> {
    /** Shells with a completion script. */
    public enum Shell {
        bash, zsh
    }

    @ParentCommand
    private ClsCommand root;

    @Parameters(index = "0", arity = "0..1", defaultValue = "bash", paramLabel = "SHELL",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Shell shell;

    @Override
    public Integer call() {
        // a fresh tree, so the script does not depend on this invocation's state
        CliContext context = new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                InputStream.nullInputStream());
        String script = AutoComplete.bash("cls", CommandTree.commandLine(new ClsCommand(context)));
        PrintWriter out = root.context().out();
        if (shell == Shell.zsh) {
            out.println("# zsh: load bash-style completion support, then the cls completion");
            out.println("autoload -U +X compinit && compinit");
            out.println("autoload -U +X bashcompinit && bashcompinit");
        }
        out.print(script);
        out.flush();
        return 0;
    }
}
