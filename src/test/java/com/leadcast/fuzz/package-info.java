/**
 * The bounded fuzz suite's shared parts: the seed every fuzzing test draws from ({@code -Dfuzz.seed}), the hostile
 * text it feeds to parsers and to the server, and the black-box HTTP fuzzer that runs with {@code mvn verify -Pfuzz}.
 * The property tests themselves sit beside the unit tests of the package they check.
 */
package com.leadcast.fuzz;
