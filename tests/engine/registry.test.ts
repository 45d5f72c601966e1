import { expect } from '@open-wc/testing';
import { findJob, jobModules, jobNames, jobsExportedBy } from '../../src/engine/registry.ts';

describe('engine registry: job modules load on first use', () => {
  it('lists exactly the jobs each module exports, and no name twice', async () => {
    for (const module of jobModules()) {
      const exported = [...jobsExportedBy(await module.load()).keys()].sort();
      expect(exported, module.names.join(', ')).to.deep.equal([...module.names].sort());
    }
    expect(new Set(jobNames()).size).to.equal(jobNames().length);
  });

  it('finds a listed job, and nothing for a name no module lists', async () => {
    expect(await findJob('retention-gauge-numbers')).to.be.a('function');
    expect(await findJob('no-such-job')).to.equal(undefined);
  });
});
