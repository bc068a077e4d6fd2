/**
 * Public entry of the langid CLI's parts (`@sibyl/langid-cli`) for other tools: the corpus
 * reader, the UDHR evaluation, the text report and the progress display. The models CLI
 * evaluates registry candidates with them, so evaluation is written once.
 */
export { readCorpus } from './corpus/corpus-reader';
export type { LoadedCorpus, ReadCorpusOptions } from './corpus/corpus-reader';
export { evaluateUdhr, independentAccuracy, UDHR_SETS } from './evaluation/udhr-metrics';
export type { UdhrEvaluation } from './evaluation/udhr-metrics';
export { readLabelledTexts } from './evaluation/labelled-texts';
export type { LabelledText } from './evaluation/labelled-texts';
export { formatReport } from './evaluation/report-text';
export { ProgressReporter } from './terminal/progress-reporter';
export type { OutputStream } from './terminal/progress-reporter';
export { defaultPaths } from './workspace-paths';
export type { LangidPaths } from './workspace-paths';
