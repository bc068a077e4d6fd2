import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';

/** How {@link validateEnv} reads an environment. */
export interface ValidateEnvOptions {
  /** Names the process in the error ("Invalid gateway configuration: ..."). */
  app: string;
  /** Variables for which an empty value is meaningful (others fall back to their default). */
  emptyAllowed?: readonly string[];
  /** Variables whose values are never shown in the error (passwords, keys, secrets). */
  secrets?: readonly string[];
}

/** Hides the password of a URL (`amqp://user:secret@host` → `amqp://user:***@host`). */
function redact(value: unknown): string {
  return JSON.stringify(value).replace(/(\/\/[^/:@"]*:)[^@/"]*@/g, '$1***@');
}

function describe(
  errors: ValidationError[],
  given: Record<string, unknown>,
  secrets: ReadonlySet<string>,
): string[] {
  return errors.map((e) => {
    const value = secrets.has(e.property) ? '"***"' : redact(given[e.property]);
    return `${e.property}=${value}: ${Object.values(e.constraints ?? {}).join(', ')}`;
  });
}

/**
 * Validates an environment against an environment class (`ConfigModule.forRoot({ validate })`):
 * keeps only the variables the class declares, treats empty values as unset (unless allowed),
 * converts numbers, applies the class's defaults, and throws one error listing every invalid
 * variable with its value (URL passwords and `secrets` hidden). A process with an invalid value never starts.
 */
export function validateEnv<T extends object>(
  environment: new () => T,
  raw: Record<string, unknown>,
  options: ValidateEnvOptions,
): T {
  const emptyAllowed = new Set(options.emptyAllowed ?? []);
  const given: Record<string, unknown> = {};
  for (const key of Object.keys(new environment())) {
    const value = raw[key];
    if (value === undefined || (value === '' && !emptyAllowed.has(key))) continue;
    given[key] = value;
  }
  const env = plainToInstance(environment, given, {
    enableImplicitConversion: true,
    exposeDefaultValues: true,
  });
  const errors = validateSync(env, { skipMissingProperties: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new Error(
      `Invalid ${options.app} configuration:\n  ${describe(errors, given, new Set(options.secrets)).join('\n  ')}`,
    );
  }
  return env;
}

/** Throws the same kind of error as {@link validateEnv} for a rule between several variables. */
export function invalidEnv(app: string, reason: string): Error {
  return new Error(`Invalid ${app} configuration:\n  ${reason}`);
}
