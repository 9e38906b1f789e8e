import { createMongoAbility, type ForcedSubject, type MongoAbility } from '@casl/ability';
import { AbilityProvider, Can as CaslCan, type CanProps, useAbility as useCaslAbility } from '@casl/react';
import { type Action, defineRulesFor, type SessionUser, type SubjectName } from '@sbo/shared';
import type { ReactNode } from 'react';

/**
 * Shared's AppAbility types subjects as names only; the console also checks records tagged with
 * `asSubject('Submission', record)`, so its ability accepts both.
 */
export type ConsoleAbility = MongoAbility<[Action, SubjectName | ForcedSubject<Exclude<SubjectName, 'all'>>]>;

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
