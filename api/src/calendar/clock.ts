import { Injectable } from '@nestjs/common';

/**
 * The current instant, injected wherever "today" decides a business rule (late cutoff, SEP
 * window, due dates), so tests can move it: `jest.spyOn(app.get(Clock), 'now')`.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
