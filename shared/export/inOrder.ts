/**
 * Items of a list by id, asked for in (mostly) the list's own order, as a
 * picture asks for its diagram's nodes: the item at the place asked is
 * checked first, and a map of them all is made only on the first miss, so a
 * large diagram's writers make no map at all. Ids are unique in the list.
 */
export class InOrder<T extends { id: string }> {
  private map?: Map<string, T>;

  constructor(private readonly list: readonly T[]) {}

  /** The item with this id, expected at place `i`; undefined when none has it. */
  get(id: string, i: number): T | undefined {
    const at = this.list[i];
    if (at?.id === id) return at;
    this.map ??= new Map(this.list.map((item) => [item.id, item]));
    return this.map.get(id);
  }
}
