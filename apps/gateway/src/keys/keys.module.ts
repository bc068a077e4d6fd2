import { Module } from '@nestjs/common';
import { KeysController } from './keys.controller';

/** `/v1/keys`: API key management (the store comes from the global AuthModule). */
@Module({ controllers: [KeysController] })
export class KeysModule {}
