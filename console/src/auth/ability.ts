import { createMongoAbility } from '@casl/ability';
import { AbilityProvider, Can as CaslCan, type CanProps, useAbility as useCaslAbility } from '@casl/react';
import { type AppAbility, defineRulesFor, type SessionUser } from '@sbo/shared';
import type { ReactNode } from 'react';

/**
 * The console checks with shared's AppAbility as it is: subjects are names (`'Firm'`) or records
 * tagged by `asSubject('Submission', record)`, which CASL checks as instances.
 */
export type ConsoleAbility = AppAbility;

/**
 * One ability per page load, shared by authProvider.canAccess and `<Can>`. It allows nothing until
 * the authProvider has confirmed the user (no screen renders before that), then is updated in
 * place: CASL notifies useAbility and Can, which re-render.
 */
export const ability = createMongoAbility<ConsoleAbility>();

export function updateAbility(user: SessionUser): void {
  ability.update(defineRulesFor(user));
}

export { AbilityProvider };

/** `const ability = useAbility(); ability.can('approve', asSubject('Submission', record))` */
export const useAbility = () => useCaslAbility<ConsoleAbility>();

/** `<Can I="approve" this={asSubject('Submission', record)}>…</Can>`, typed with the product's actions. */
export const Can: (props: CanProps<ConsoleAbility>) => ReactNode = CaslCan;
