import {
  BadRequestException,
  HttpException,
  HttpStatus,
  PayloadTooLargeException,
  ServiceUnavailableException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { Counter, Registry } from 'prom-client';
import type { PredictionsMetrics } from './predictions.metrics';
import {
  isSubmission,
  rejectionReason,
  SubmissionRejectionsListener,
} from './submission-rejections.listener';

describe('submission rejections', () => {
  it('recognises the two submission routes only', () => {
    expect(isSubmission({ method: 'POST', url: '/v1/predictions' })).toBe(true);
    expect(isSubmission({ method: 'POST', originalUrl: '/v1/predictions/batch?x=1' })).toBe(true);
    expect(isSubmission({ method: 'POST', url: '/v1/predictions/lookup' })).toBe(false);
    expect(isSubmission({ method: 'GET', url: '/v1/predictions' })).toBe(false);
  });

  it('labels each refusal by its cause', () => {
    expect(rejectionReason(new BadRequestException('malformed JSON at 3'))).toBe('malformed_json');
    expect(rejectionReason(new BadRequestException('text must be a string'))).toBe('invalid');
    expect(rejectionReason(new PayloadTooLargeException())).toBe('too_large');
    expect(rejectionReason(new UnsupportedMediaTypeException())).toBe('unsupported_media_type');
    expect(rejectionReason(new ServiceUnavailableException())).toBe('unavailable');
    expect(rejectionReason(new HttpException('x', HttpStatus.INTERNAL_SERVER_ERROR))).toBe('error');
  });

  it('counts refused submissions and nothing else', async () => {
    const registry = new Registry();
    const rejected = new Counter({
      name: 'rejected',
      help: 'h',
      labelNames: ['reason'],
      registers: [registry],
    });
    const listener = new SubmissionRejectionsListener({
      rejected,
    } as unknown as PredictionsMetrics);
    listener.onApiError({ method: 'POST', url: '/v1/predictions' }, new PayloadTooLargeException());
    listener.onApiError({ method: 'GET', url: '/v1/predictions/x' }, new BadRequestException());
    const values = (await rejected.get()).values;
    expect(values).toEqual([{ labels: { reason: 'too_large' }, value: 1 }]);
  });
});
