/**
 * Readers of the documented input files of cs-health's types: outcomes (churned, contracted, expanded), as CSV with a
 * header row or as a JSON array; see {@link dev.kizuna.health.csv.HealthCsvFormats}. They read as cs-core's readers
 * of the same kinds of files do ({@link dev.kizuna.core.csv}): UTF-8 only, the header checked, every problem an
 * {@link dev.kizuna.core.csv.InputException} naming the file, the line, the column and the value.
 */
@NullMarked
package dev.kizuna.health.csv;

import org.jspecify.annotations.NullMarked;
