package com.leadcast.crash;

import com.leadcast.crash.WriteLoad.Answer;
import com.leadcast.crash.WriteLoad.Kind;
import com.leadcast.it.Http;
import com.leadcast.it.Reply;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a crash test counts about the creates of a {@link WriteLoad} once the server is serving again: acknowledged
 * (201) and found, errored (answered with an error that says nothing was stored) and found anyway, in doubt (a 503
 * saying the database failed during the commit, so the write may be stored) and unanswered (no answer): for the last
 * two either outcome is right.
 */
record CrashFigures(Set<String> acknowledged, Set<String> lost, Set<String> errored, Set<String> erroredButStored,
                    Set<String> inDoubt, Set<String> inDoubtStored, Set<String> unanswered,
                    Set<String> unansweredStored) {

    static CrashFigures of(List<Answer> answers, Set<String> stored) {
        Set<String> acknowledged = creates(answers, a -> a.status() == 201);
        Set<String> errored = creates(answers, a -> a.answered() && a.status() != 201 && !a.isCommitInDoubt());
        Set<String> inDoubt = creates(answers, Answer::isCommitInDoubt);
        Set<String> unanswered = creates(answers, a -> !a.answered());
        return new CrashFigures(acknowledged, minus(acknowledged, stored), errored, intersection(errored, stored),
                inDoubt, intersection(inDoubt, stored), unanswered, intersection(unanswered, stored));
    }

    /** A new tenant on the server at {@code root} and a token of it, through the admin API. */
    static String newTenantToken(String root) {
        Http admin = new Http(root, System.getProperty("it.admin.token")).json();
        Reply tenant = admin.post("/admin/v1/tenants", "{\"name\":\"Crash " + UUID.randomUUID() + "\"}");
        if (tenant.status() != 201) {
            throw new IllegalStateException("Creating a tenant answered " + tenant);
        }
        Reply token = admin.post("/admin/v1/tenants/" + tenant.text("id") + "/tokens", "{\"label\":\"crash\"}");
        if (token.status() != 201) {
            throw new IllegalStateException("Creating a token answered " + token);
        }
        return token.text("token");
    }

    String summary() {
        return String.format("writes acknowledged %d, found after recovery %d, lost %d; answered with an error %d, "
                        + "of them committed %d; answered 'in doubt' (the database failed during the commit) %d, of "
                        + "them committed %d; unanswered %d, of them committed %d", acknowledged.size(),
                acknowledged.size() - lost.size(), lost.size(), errored.size(), erroredButStored.size(),
                inDoubt.size(), inDoubtStored.size(), unanswered.size(), unansweredStored.size());
    }

    private static Set<String> creates(List<Answer> answers, java.util.function.Predicate<Answer> which) {
        return answers.stream().filter(a -> a.kind() == Kind.CREATE).filter(which).map(Answer::userName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        return a.stream().filter(x -> !b.contains(x)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        return a.stream().filter(b::contains).collect(Collectors.toCollection(TreeSet::new));
    }
}
