from . import gov_segment_add
