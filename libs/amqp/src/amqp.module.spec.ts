import { Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { messagingNames } from '@sibyl/contracts';
import { AMQP_NAMES, AMQP_OPTIONS } from './amqp.constants';
import type { AmqpModuleOptions } from './amqp-module-options.interface';
import { AmqpModule } from './amqp.module';
import type { AmqpOptionsFactory } from './amqp.module-definition';

/** Nothing listens on port 1: the connection only retries in the background until closed. */
const UNREACHABLE = 'amqp://guest:guest@127.0.0.1:1';

@Injectable()
class Settings {
  readonly namespace = 'unit-ns';
}

@Module({ providers: [Settings], exports: [Settings] })
class SettingsModule {}

@Injectable()
class OptionsFactory implements AmqpOptionsFactory {
  createAmqpOptions(): AmqpModuleOptions {
    return { url: UNREACHABLE, namespace: 'from-class' };
  }
}

async function resolve(module: ReturnType<typeof AmqpModule.forRoot>) {
  const app = await Test.createTestingModule({ imports: [module] }).compile();
  const options = app.get<AmqpModuleOptions>(AMQP_OPTIONS);
  const names = app.get(AMQP_NAMES);
  await app.close();
  return { options, names };
}

describe('AmqpModule', () => {
  it('takes static options with forRoot', async () => {
    const { options, names } = await resolve(
      AmqpModule.forRoot({ url: UNREACHABLE, namespace: 'static', deliveryLimit: 3 }),
    );
    expect(options).toMatchObject({ namespace: 'static', deliveryLimit: 3 });
    expect(names).toEqual(messagingNames('static'));
  });

  it('builds the options from injected providers with forRootAsync', async () => {
    const { options, names } = await resolve(
      AmqpModule.forRootAsync({
        imports: [SettingsModule],
        inject: [Settings],
        useFactory: (settings: Settings) => ({ url: UNREACHABLE, namespace: settings.namespace }),
      }),
    );
    expect(options.namespace).toBe('unit-ns');
    expect(names).toEqual(messagingNames('unit-ns'));
  });

  it('builds the options with an options factory class', async () => {
    const { names } = await resolve(AmqpModule.forRootAsync({ useClass: OptionsFactory }));
    expect(names).toEqual(messagingNames('from-class'));
  });
});
