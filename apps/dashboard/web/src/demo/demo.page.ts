import { GatewayClient, GatewayError } from '../api/gateway.client';
import { loadWebConfig } from '../api/web-config.client';
import { DEMO_EXAMPLES } from './demo-examples';
import { renderPrediction } from './prediction-result.view';

const form = document.getElementById('predict-form') as HTMLFormElement;
const input = document.getElementById('input') as HTMLTextAreaElement;
const submit = document.getElementById('submit') as HTMLButtonElement;
const status = document.getElementById('status') as HTMLElement;

function setStatus(message: string, isError = false): void {
  status.textContent = message;
  status.classList.toggle('error', isError);
}

/** Demo page: submit the text through the gateway, follow the tracking id, show the result. */
async function main(): Promise<void> {
  const examples = document.getElementById('examples') as HTMLElement;
  for (const example of DEMO_EXAMPLES) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = example.label;
    button.addEventListener('click', () => (input.value = example.text));
    examples.append(button);
  }
  const config = await loadWebConfig();
  const gateway = new GatewayClient();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void classify(gateway, config.languages);
  });
}

async function classify(
  gateway: GatewayClient,
  languages: Parameters<typeof renderPrediction>[1],
): Promise<void> {
  const text = input.value.trim();
  if (!text) {
    setStatus('Type or paste a text first.', true);
    input.focus();
    return;
  }
  submit.disabled = true;
  const started = performance.now();
  try {
    setStatus('Submitting…');
    const accepted = await gateway.submit(text);
    setStatus(`Queued as ${accepted.trackingId}, waiting for a predictor…`);
    const view = await gateway.follow(accepted.trackingId);
    if (view.status === 'done') {
      renderPrediction(view, languages, performance.now() - started);
      setStatus('');
    } else if (view.status === 'failed') {
      setStatus(`The prediction failed: ${view.error ?? 'unknown reason'}`, true);
    } else {
      setStatus(
        `Still queued after a minute (tracking id ${view.trackingId}). Are the predictors running?`,
        true,
      );
    }
  } catch (error) {
    setStatus(
      error instanceof GatewayError
        ? error.message
        : `Unexpected error: ${(error as Error).message}`,
      true,
    );
  } finally {
    submit.disabled = false;
  }
}

main().catch((error: Error) => setStatus(error.message, true));
