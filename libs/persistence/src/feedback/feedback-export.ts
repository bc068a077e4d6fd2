import type { FeedbackRecord } from './feedback-record.schema';

/**
 * One line of `models export-feedback` (JSON Lines): the request's text and the right language
 * (`language`, the feedback's), which `langid train --with-feedback` and `langid eval --feedback`
 * read, plus what the model said and when, for reports.
 */
export interface FeedbackExportLine {
  text: string;
  language: string;
  predicted: string;
  modelVersion: string;
  at: string;
  trackingId: string;
}

/** The export line of one feedback document. */
export function feedbackExportLine(record: FeedbackRecord): FeedbackExportLine {
  return {
    text: record.text,
    language: record.actual,
    predicted: record.predicted,
    modelVersion: record.modelVersion,
    at: record.at.toISOString(),
    trackingId: record._id,
  };
}
