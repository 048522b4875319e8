/**
 * The JSON codecs of the playbooks module: {@link dev.kizuna.playbooks.json.EvaluationJson} writes evaluations and
 * traces.
 */
@NullMarked
package dev.kizuna.playbooks.json;

import org.jspecify.annotations.NullMarked;
