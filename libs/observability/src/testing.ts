/**
 * Test helpers of `@sibyl/observability`: assert that `/metrics` is valid Prometheus exposition text and read
 * counter values from it, e.g.
 * `const families = parsePrometheusText(res.text); expect(sampleValue(families, 'sibyl_requests_accepted_total')).toBe(3);`
 */
export {
  findSamples,
  parsePrometheusText,
  PrometheusParseError,
  sampleValue,
  type PrometheusMetricFamily,
  type PrometheusSample,
} from './exposition';
