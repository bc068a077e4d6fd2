import { relevantCopyrightParts } from './debian-copyright';

describe('relevantCopyrightParts', () => {
  it('keeps the header (without the disclaimer) and the Files: * paragraph', () => {
    const copyright = `Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: Firefox
Source: http://ftp.mozilla.org/pub/mozilla.org/firefox/
Disclaimer: The original upstream tarball is modified
 by removing files.

License: MIT
 Permission is hereby granted…

Files: *
License: MPL-2.0
Copyright: 1998-2010, Mozilla Project

Files: debian/*
License: MPL-2.0
`;
    expect(relevantCopyrightParts(copyright))
      .toBe(`Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: Firefox
Source: http://ftp.mozilla.org/pub/mozilla.org/firefox/

Files: *
License: MPL-2.0
Copyright: 1998-2010, Mozilla Project`);
  });
});
